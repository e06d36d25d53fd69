"""All HTTP routes of the identity domain."""

from fastapi import APIRouter

from app.identity import routes_auth, routes_me, routes_staff

router = APIRouter()
router.include_router(routes_auth.router)
router.include_router(routes_me.router)
router.include_router(routes_staff.router)
