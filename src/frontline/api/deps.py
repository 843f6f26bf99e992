"""Named dependencies of the routers: the services and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from frontline.domain.users import Principal
from frontline.errors import AuthenticationFailed
from frontline.services import Services

__all__ = ["CallerDep", "ServicesDep"]

_bearer = HTTPBearer(auto_error=False, description="A token from `frontline users add`.")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_caller(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthenticationFailed("send a bearer token: Authorization: Bearer <token>")
    return services.users.authenticate(credentials.credentials, now=services.clock())


CallerDep = Annotated[Principal, Depends(get_caller)]
