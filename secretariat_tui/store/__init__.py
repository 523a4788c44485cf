"""Durable storage on TinyDB: the only package that imports tinydb."""
