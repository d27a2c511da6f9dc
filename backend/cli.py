"""The `tollgate` command line: migrate, seed the demo, manage environments and keys, serve,
deliver webhooks."""

import argparse
import sys

from backend.config import get_settings


def _migrate(_: argparse.Namespace) -> None:
    from backend.migrations import upgrade

    url = get_settings().resolved_database_url
    upgrade(url)
    print(f"Database is at the latest schema ({url.split('@')[-1]})")


def _seed_demo(_: argparse.Namespace) -> None:
    from backend.db import session_scope
    from backend.demo.seed import seed_demo

    settings = get_settings()
    with session_scope(settings.resolved_database_url) as session:
        keys = seed_demo(session, settings.demo_env_file)
    print("Demo catalog ready (product 'workspace', customers acme, globex, initech).")
    print(f"  Secret key (server side): {keys.secret}")
    print(f"  Publishable key (browser): {keys.publishable}")
    print(f"  Saved to {settings.demo_env_file}")


def _create_environment(args: argparse.Namespace) -> None:
    from backend.auth import service
    from backend.db import session_scope

    with session_scope(get_settings().resolved_database_url) as session:
        env = service.create_environment(session, args.slug, args.name or args.slug.title(), args.kind)
        print(f"Created environment {env.slug} ({env.kind})")


def _create_key(args: argparse.Namespace) -> None:
    from backend.auth import service
    from backend.auth.repository import AuthRepository
    from backend.db import session_scope

    with session_scope(get_settings().resolved_database_url) as session:
        env = AuthRepository(session).environment_by_slug(args.environment)
        if env is None:
            sys.exit(f"No environment '{args.environment}'")
        _, raw = service.issue_key(session, env.id, args.kind, args.name)
    print(f"{args.kind} key for {args.environment} (shown once, store it now):\n{raw}")


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    uvicorn.run("backend.app:create_app", factory=True, host=args.host, port=args.port,
                workers=args.workers)


def _webhook_worker(args: argparse.Namespace) -> None:
    import logging
    import signal

    from backend.db import engine_for, session_factory
    from backend.kit.background import BackgroundLoop
    from backend.webhooks.worker import WebhookWorker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = get_settings()
    factory = session_factory(engine_for(settings.resolved_database_url))
    worker = WebhookWorker(factory, batch=args.batch, timeout=settings.webhook_timeout)
    runner = BackgroundLoop("tollgate-webhooks", worker.run_once, args.interval, worker.close)
    signal.signal(signal.SIGTERM, lambda *_: runner.stop())
    print("Delivering webhooks (Ctrl-C to stop)")
    try:
        runner.run()
    except KeyboardInterrupt:
        runner.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tollgate", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(fn=_migrate)
    sub.add_parser("seed-demo", help="create the demo catalog and keys").set_defaults(fn=_seed_demo)
    env = sub.add_parser("create-environment", help="add an environment")
    env.add_argument("slug")
    env.add_argument("--name")
    env.add_argument("--kind", choices=["development", "production"], default="development")
    env.set_defaults(fn=_create_environment)
    key = sub.add_parser("create-key", help="issue an API key")
    key.add_argument("--environment", default="development")
    key.add_argument("--kind", choices=["secret", "publishable"], default="secret")
    key.add_argument("--name", default="")
    key.set_defaults(fn=_create_key)
    serve = sub.add_parser("serve", help="run the API alone with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(fn=_serve)
    worker = sub.add_parser("webhook-worker",
                            help="deliver webhooks (run several to share the work)")
    worker.add_argument("--interval", type=float, default=1.0,
                        help="seconds to wait when nothing is due")
    worker.add_argument("--batch", type=int, default=50, help="messages claimed per step")
    worker.set_defaults(fn=_webhook_worker)
    args = parser.parse_args(argv)
    from backend.errors import ProblemError

    try:
        args.fn(args)
    except ProblemError as exc:  # a refusal (e.g. the environment exists): a message, not a traceback
        sys.exit(f"tollgate {args.command}: {exc.detail}")


if __name__ == "__main__":
    main()
