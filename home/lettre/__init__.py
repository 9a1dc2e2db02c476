"""The lettre: articles and editions, testimonies, subscribers, their e-mails, feeds, admin and demo."""
