"""Publishing the calendar to a CalDAV server: network I/O, kept out of the pure layers."""
