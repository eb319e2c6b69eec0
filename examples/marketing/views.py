from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from consent.selectors import consent_is_granted


@require_GET
def home(request):
    context = {
        "marketing_emails": request.user.is_authenticated
        and consent_is_granted(user=request.user, purpose="marketing_emails")
    }
    return render(request, "marketing/home.html", context)


@require_http_methods(["GET", "POST"])
def signup(request):
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.save())
        # The first-run gate takes the new account to the privacy policy,
        # then to the marketing-emails screen.
        return redirect("home")
    return render(request, "marketing/signup.html", {"form": form})
