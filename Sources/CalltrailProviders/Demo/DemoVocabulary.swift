/// The word pools the demo data is drawn from: names and notes in several scripts
/// (Latin, CJK, Cyrillic, Greek, Arabic, Devanagari, emoji), a few long notes, and
/// a couple of hostile ones that must show as inert text.
enum DemoVocabulary {
    /// (first, last) pairs; an empty pair makes a lead known only by its phone.
    static let names: [(String, String)] = [
        ("Jane", "Cooper"), ("高橋", "美咲"), ("Олег", "Петров"), ("María José", "Fernández"),
        ("Wei", "Zhang 张伟"), ("Søren", "Kierkegaard"), ("Αλέξανδρος", "Παπαδόπουλος"),
        ("Aarav", "शर्मा"), ("Fatima", "الزهراء"), ("Zoë", "O'Brien"), ("김", "민준"),
        ("Nguyễn", "Thị Lan"), ("Chloé", "Dubois"), ("Björn", "Ångström"), ("佐藤", "健"),
        ("Ayşe", "Yılmaz"), ("Dev 🚀", "Patel"), ("Marcus", "Johnson"), ("Priya", "Nair"),
        ("Emily", "Watson"), ("Łukasz", "Wiśniewski"), ("Hannah", "Müller"), ("", ""),
        ("Kwame", "Mensah"), ("Lucía", "García"), ("Tomás", "Ó Súilleabháin"),
        ("Anastasia", "Иванова"), ("李", "娜"), ("Noah", "Williams"), ("Olivia", "Brown 🏡"),
    ]

    static let notes: [String] = [
        "Discussed the 3-bed on Maple St; wants a second viewing Saturday.",
        "Left a voicemail about the open house.",
        "No answer. Will try again after 5pm.",
        "Asked about financing options, sent the mortgage broker's details.",
        "内覧の予約を土曜日に変更。駐車場について質問あり。",
        "客户对学区房很感兴趣，下周再联系。",
        "Перезвонить завтра утром, интересуется квартирой в центре.",
        "Very happy with the offer 🎉🏠 — signing next week!",
        "Number disconnected.",
        "Asked to be removed from the list. Marked DNC.",
        "Ζήτησε περισσότερες φωτογραφίες του κήπου.",
        "يرغب في زيارة العقار يوم الأحد",
        "घर देखने के लिए रविवार को समय तय किया।",
        "Wrong number — belongs to a bakery 🥐",
        "Follow-up on the appraisal: came in 4% under asking, lead wants to renegotiate.",
        "Pasted from email: \u{1B}[2J\u{1B}]52;c;aGFja2Vk\u{07} (should show as harmless text)",
        "Tab\tseparated\tnotes\r\nand a second line",
        "Long call. Walked through every comparable sale in the neighbourhood over the last "
            + "eighteen months, the school catchment boundaries, the flood-zone map and the HOA "
            + "rules about short-term rentals. They want the disclosure packet by Friday, a "
            + "contractor's estimate for the roof, and a call back once the sellers answer the "
            + "counter-offer. Spouse joins the next call; prefers mornings. 🌅",
        "長い通話。学区、通勤時間、住宅ローンの事前審査、リフォーム費用の見積もり、"
            + "管理組合の規約、ペット可否について一つずつ確認した。次回は配偶者も同席予定。"
            + "週末までに重要事項説明書を送付すること。",
    ]

    static let agents: [(id: Int64, phone: String)] = [
        (7_001, "+14155550101"), (7_002, "+14155550102"), (7_003, "+14155550103"), (7_004, "+442079460011"),
    ]
}
