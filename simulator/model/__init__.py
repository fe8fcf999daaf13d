"""The result model: typed dataclasses that are the JSON schema, and their codec both ways."""
