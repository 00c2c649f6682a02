"""PowerPoint briefing decks."""
