"""Delivery analysis: how the answer was said (pace, pauses, fillers, pitch, volume)."""
