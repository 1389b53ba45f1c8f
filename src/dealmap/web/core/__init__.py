"""The shared shell: layout, language, health check, template helpers."""
