"""Activity details: storing them, the backfill queue, segments and streams."""
