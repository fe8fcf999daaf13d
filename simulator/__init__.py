"""mock-interview: an offline voice mock-interview coach.

Importing this package is cheap: heavy libraries (faster-whisper, librosa,
sounddevice, pyttsx3) are imported lazily by the modules that need them.
"""

__version__ = "0.1.0"
