"""The Open XML package layer: the zip, its parts and relationships, limits, safe file writes."""
