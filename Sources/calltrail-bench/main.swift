// Built by the issue that introduces this executable.
