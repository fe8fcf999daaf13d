"""Speech to text: Whisper engines, cutting an answer at its pauses, streaming while recording."""
