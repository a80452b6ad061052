"""Delivering reminder digests: SMTP e-mail and chat-robot webhooks, with retries and a sent-log."""
