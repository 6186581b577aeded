// Built by the issue that introduces these tests.
