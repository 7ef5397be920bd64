"""Benchmark sections of python -m geo bench."""
