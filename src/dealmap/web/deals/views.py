from django.http import HttpResponse


def deal_list(request):
    return HttpResponse("todo")


def deal_detail(request, pk):
    return HttpResponse("todo")
