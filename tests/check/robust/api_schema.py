#!/usr/bin/env python3
"""schemathesis over docs/openapi.yaml against a live demo server, signed in as each role
(and as no one), with every check: no 5xx, no undocumented status, bodies and headers as the
document says. Each role gets its own copy of the demo school, so one role's writes (a sign-out,
a password change, a student who left) do not change what the next one sees.
Usage: api_schema.py [--examples N] [--port P] [ROLE ...]"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from live import ROOT, Client, Server, accounts, copy_database, demo  # noqa: E402

WORK = Path(os.environ.get("CHECK_TMP", "/tmp/tabel-check"))
ROLES = ["anonymous", "administrator", "deputy", "class teacher", "teacher", "guardian", "student"]


def run_role(role, login, source, port, examples):
    db = copy_database(source, WORK / f"api-{role.replace(' ', '-')}.sqlite")
    with Server(db, port):
        command = ["st", "--config-file", str(Path(__file__).with_name("schemathesis.toml")), "run", str(ROOT / "docs/openapi.yaml"), "--url", f"http://127.0.0.1:{port}",
                   "--checks", "all", "--max-examples", str(examples), "--workers", "1", "--seed", "16",
                   "--no-color", "--suppress-health-check", "all", "--request-timeout", "20", "--generation-with-security-parameters", "false",
                   "--report", "junit", "--report-junit-path", str(WORK / f"api-{role.replace(' ', '-')}.xml")]
        if login:
            client = Client(port).sign_in(login["login"])
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            # Signing out would leave the rest of the run anonymous: the anonymous run covers it.
            command += ["-H", f"Cookie: {cookie}", "--exclude-name", "DELETE /api/v1/session"]
        print(f"== schemathesis as {role}" + (f" ({login['login']})" if login else ""), flush=True)
        result = subprocess.run(command, cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log = WORK / f"api-{role.replace(' ', '-')}.log"
        log.write_text(result.stdout)
        print(result.stdout[-6000:] if result.returncode else result.stdout[-400:], flush=True)
        if result.returncode:
            print(f"(the whole report: {log})")
        return result.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roles", nargs="*", default=ROLES)
    parser.add_argument("--examples", type=int, default=int(os.environ.get("API_EXAMPLES", "10")))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CHECK_PORT", "8105")))
    args = parser.parse_args()
    source, logins = demo(WORK)
    who = accounts(logins)
    failed = [r for r in args.roles if not run_role(r, who.get(r), source, args.port, args.examples)]
    if failed:
        print("FAILED: schemathesis found problems as " + ", ".join(failed))
        sys.exit(1)
    print("schemathesis: no failures as " + ", ".join(args.roles))


if __name__ == "__main__":
    main()
