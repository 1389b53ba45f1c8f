from django.http import HttpResponse


def account_list(request):
    return HttpResponse("todo")


def account_detail(request, pk):
    return HttpResponse("todo")
