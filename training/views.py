from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from training.steps import training_steps


@require_GET
def training(request: HttpRequest) -> HttpResponse:
    return render(request, "training/training.html", {"steps": training_steps(language=get_language())})
