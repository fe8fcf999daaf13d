"""The web app's limits, in a module light enough for the CLI's parser to import."""

MAX_UPLOAD_MB = 64.0  # MB; a 15-minute answer as 16-bit 44.1 kHz mono WAV is 80 MB, as FLAC or M4A far less
MAX_RECORD_S = 180.0  # s; the longest answer recorded in the page (practice's --max-seconds default)
