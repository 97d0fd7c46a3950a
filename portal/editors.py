"""The two groups that run the website's content: editors write and send for review,
reviewers also approve, schedule and take down. An administrator puts staff in them."""

from django.contrib.auth.models import Group, Permission

EDITORS = "Content editors"
REVIEWERS = "Content reviewers"
WRITTEN = ("newsitem", "event", "page")


def _permissions(codenames):
    return Permission.objects.filter(content_type__app_label="portal", codename__in=codenames)


def ensure_groups(**kwargs) -> None:
    """Make both groups with their permissions (idempotent; run after every migrate)."""
    writing = [f"{verb}_{model}" for model in WRITTEN for verb in ("add", "change", "view")]
    writing += ["view_picture", "change_picture"]
    publishing = [f"publish_{model}" for model in WRITTEN]
    publishing += [f"delete_{model}" for model in WRITTEN]
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*_permissions(writing))
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*_permissions(writing + publishing))
