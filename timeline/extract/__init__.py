"""Automatic extraction: quotes, actors, dates and event candidates from uncurated sources.

Rule-based and offline. ``pipeline`` holds the entry points; each other module does
one job (sentences, quotes, speakers, actors, dates, events, drafts, evaluation).
"""
