"""Sending e-mail by SMTP: no Textual, no TinyDB; the caller records what was sent."""
