from django.urls import path

from portal import views, views_content, views_mine

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("open/", views.open_registers, name="open"),
    path("search/", views.search, name="search"),
    path("services/", views.service_list, name="services"),
    path("services/guide/", views.guide, name="guide"),
    path("services/<slug:code>/", views.service_detail, name="service"),
    path("news/", views_content.news_list, name="news"),
    path("news/<int:pk>/", views_content.news_item, name="news_item"),
    path("events/", views_content.event_list, name="events"),
    path("events/<int:pk>/", views_content.event_detail, name="event"),
    path("events/<int:pk>/calendar.ics", views_content.event_calendar, name="event_calendar"),
    path("pages/<slug:slug>/", views_content.page_detail, name="page"),
    path("pictures/<str:name>", views_content.picture, name="picture"),
    path("my/", views_mine.my_space, name="mine"),
    path("my/cases/<str:number>/", views_mine.my_case, name="my_case"),
]
