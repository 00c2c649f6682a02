"""Indonesian and English texts, number and date formats."""
