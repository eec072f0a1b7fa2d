"""Measured scene quality: a corpus of prompts written as users type them, and a checker."""
