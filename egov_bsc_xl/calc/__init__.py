"""Scoring over pandas frames: no file, Excel or PowerPoint imports."""
