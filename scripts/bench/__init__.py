"""`make bench`: doum beside stock Material for MkDocs — build speed, size and header search."""
