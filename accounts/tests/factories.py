import factory
from django.contrib.auth.models import Group, User

from accounts.models import StaffProfile, Unit
from accounts.roles import Role

PASSWORD = "correct-horse-battery"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Test Unit {n}")
    kind = Unit.Kind.CID


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Officer{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)


def make_staff(*roles: Role, username: str | None = None, rank: str = StaffProfile.Rank.INSPECTOR) -> User:
    user = UserFactory(username=username) if username else UserFactory()
    user.save()
    StaffProfile.objects.update_or_create(user=user, defaults={"rank": rank, "unit": UnitFactory()})
    user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return user
