"""Every model of the `home` app, so that Django finds them: the home and free pages, and the lettre's."""
from home.lettre.models import ArticleIndexPage, ArticlePage, ArticlePageTag
from home.lettre.subscribers import Delivery, EditionSend, Subscriber
from home.lettre.testimonies import TestimonyIndexPage, TestimonyPage

from .pages import HomePage, StandardPage

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "Delivery",
    "EditionSend",
    "HomePage",
    "StandardPage",
    "Subscriber",
    "TestimonyIndexPage",
    "TestimonyPage",
]
