from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# Pages a staff member may open between the password and the second factor.
PASSABLE_URL_NAMES = frozenset({"accounts:two_factor", "accounts:logout", "set_language"})


class SecondFactorRequiredMiddleware:
    """Sends a signed-in staff member to the second-factor page until they pass it.

    Runs after django-otp's OTPMiddleware, which sets ``user.is_verified()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.needs_second_factor) or user.is_verified():
            return None
        if request.resolver_match.view_name in PASSABLE_URL_NAMES:
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two_factor')}?{query}")
