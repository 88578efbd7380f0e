"""Exports: spreadsheets of the tables, and events as JSON, TimelineJS and iCalendar."""
