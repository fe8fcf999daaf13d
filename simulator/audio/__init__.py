"""Device edges and audio files: decoding, the microphone, the speaker and the voice.

Everything past this package works on ``(y, sr)`` arrays; sounddevice and
pyttsx3 are imported only inside the functions that touch a device.
"""
