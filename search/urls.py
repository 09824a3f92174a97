from django.urls import path

from search import feeds, views

urlpatterns = [
    path("", views.search_view, name="search"),
    path("suggest/", views.suggest_view, name="search_suggest"),
    path("feed/", feeds.SearchFeed(), name="search_feed"),
    path("feed/atom/", feeds.SearchAtomFeed(), name="search_atom_feed"),
]
