"""Named dependencies of the routers: the services and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from frontline.domain.users import Principal, Role
from frontline.errors import AuthenticationFailed, PermissionDenied
from frontline.services import Services

__all__ = ["MAX_SEQ", "MAX_VERSION", "CallerDep", "PartnerDep", "ServicesDep"]

_bearer = HTTPBearer(auto_error=False, description="A token from `frontline users add`.")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

MAX_SEQ = 2**31 - 1
"""The largest row sequence number a query may name (``before``, ``after``): the audit's,
the cases' and the outbox's are ``Integer`` columns, 32 bits on PostgreSQL. A larger one was
a 500 (found by the API fuzzing), now a 422."""

MAX_VERSION = 2**63 - 1
"""The largest data version a query may name (``since``): a ``BigInteger``, 64 bits, as
the JSON encoder holds them too."""


def get_caller(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthenticationFailed("send a bearer token: Authorization: Bearer <token>")
    return services.users.authenticate(credentials.credentials, now=services.clock())


def get_staff(principal: Annotated[Principal, Depends(get_caller)]) -> Principal:
    # A partner key opens /v1/partner/* and nothing else: refused here, at the one door every
    # other route goes through, rather than trusting each use case's role table.
    if principal.role is Role.PARTNER:
        raise PermissionDenied("a partner key opens only /v1/partner/checks and /v1/partner/usage")
    return principal


def get_partner(principal: Annotated[Principal, Depends(get_caller)]) -> Principal:
    if principal.role is not Role.PARTNER:
        raise PermissionDenied("/v1/partner/* is for partner keys; officers use /v1/checks")
    return principal


CallerDep = Annotated[Principal, Depends(get_staff)]
PartnerDep = Annotated[Principal, Depends(get_partner)]
