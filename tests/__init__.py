"""Tests for timeline: real files, real databases, real servers."""
