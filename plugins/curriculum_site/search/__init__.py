"""curriculum/search: one search index per language, forgiving missing accents and articles."""
