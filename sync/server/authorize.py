"""Which pushed changes a station may make: the server's own check of every change.

A station checks permissions before it writes (`desk.require(...)` in the services), but
the server cannot rely on that: a tampered or buggy station could push an order made by
a warehouse-only user, a role grant or a password hash. So each pushed change is checked
again here, against the acting user's roles **as the server holds them** (its own
`users` / `user_roles` rows, never anything in the payload), before it is applied. A
change that fails is not applied: its whole station transaction is rejected and
recorded like any other rejected transaction (change log outcome `rejected`, a
`rejected` conflict the admin sees, the reason in the push answer's `detail`).

The table maps (entity, field, op) to the role actions (`orderdesk.roles.ROLE_ACTIONS`)
of which the user needs at least one. It follows which service writes which table and
what it checks (`desk.require(...)`), including the rows a service writes on the side
(a status change adds a status event; a binding moves the warehouse status; an import
creates customers). The most specific rule wins: (entity, field, op), (entity, field),
(entity, op), (entity). An entity with no rule is never written by a station: the
sync machinery (`sync_*`, `outbox`, `sync_state`), `number_sequences`, `dedup_keys`,
`webhook_messages` and the audit log. Audit rows never travel: every database keeps its
own hash-chained `audit_log`, and the server writes its own rows for each pushed change,
so an `audit_log` change in a push can only be forged.

Who is the actor of a change is its `user` column, written at the station by the
tracking hook: the signed-in person's user name, or, when nobody is signed in, the
system actor (`system` for command-line jobs and scripts on the station database,
`demo` for the demo seed; migrations and sync bookkeeping write no outbox rows at all).
Decision for the system actors: the server cannot tell a genuine `system` job at a
station from a forged one, and station maintenance (catalogue loads, imports, stock
counts run from the command line) must keep syncing. So a system change is allowed
for business data only (`SYSTEM_ALLOWED`), never for accounts and roles: privilege
and identity (users, user_roles) always need a named person whose server-side roles
allow it. Pinning business data to persons too would need signed changes per person;
until then that residual trust in the station is deliberate and written down here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk import roles as role_defs
from orderdesk.models import User, UserRole

#: Actors that are not persons (see the module docstring).
SYSTEM_ACTORS = frozenset({"system", "demo"})

_ORDER_MAKERS = frozenset({"order.write", "import.run"})
_CUSTOMER_MAKERS = frozenset({"catalog.write", "order.write", "import.run"})
_EVERY_READER = frozenset({"order.read"})  # every business role holds it
_STATUS_MOVERS = frozenset({"order.write", "order.status.production",
                            "order.status.warehouse", "batch.bind", "import.run"})
_RUSH = frozenset({"rush.request", "rush.confirm"})
_RUSH_STEPS = frozenset({"rush.request", "rush.confirm", "order.annotate",
                         "order.status.warehouse", "certificate.issue"})
_USER_ADMIN = frozenset({"users.manage"})
_USER_SECRET = frozenset({"users.manage", "users.security"})

#: (entity, field or None, op or None) -> actions, any of which allows the change.
RULES: dict[tuple[str, str | None, str | None], frozenset[str]] = {
    # Orders: entry and header edits by sales (imports create them too); each
    # department moves only its own status; rush flags come from the rush flow.
    ("orders", None, None): frozenset({"order.write"}),
    ("orders", None, "insert"): _ORDER_MAKERS,
    ("orders", "status_sales", None): frozenset({"order.write"}),
    ("orders", "status_production", None): frozenset({"order.status.production"}),
    ("orders", "status_warehouse", None): frozenset({"order.status.warehouse", "batch.bind"}),
    ("orders", "rush", None): frozenset({"order.write"}) | _RUSH,
    ("orders", "rush_reason", None): frozenset({"order.write"}) | _RUSH,
    ("order_lines", None, None): frozenset({"order.write"}),
    ("order_lines", None, "insert"): _ORDER_MAKERS,
    ("order_channel_refs", None, None): _ORDER_MAKERS,
    ("status_events", None, None): _STATUS_MOVERS,
    # Notes and attachments: anyone who reads orders may add them (orders.add_note).
    ("notes", None, None): _EVERY_READER | {"order.annotate"},
    ("attachments", None, None): _EVERY_READER,
    ("blobs", None, None): _EVERY_READER | {"settings.templates"},
    # Catalogue: customers also come from order entry and imports.
    ("customers", None, None): _CUSTOMER_MAKERS,
    ("contacts", None, None): _CUSTOMER_MAKERS,
    ("addresses", None, None): _CUSTOMER_MAKERS,
    ("customer_aliases", None, None): _CUSTOMER_MAKERS,
    ("products", None, None): frozenset({"catalog.write"}),
    ("product_nicknames", None, None): frozenset({"catalog.write", "import.run"}),
    ("bom_lines", None, None): frozenset({"catalog.write"}),
    ("stock", None, None): frozenset({"stock.write", "catalog.write"}),
    ("receipts", None, None): frozenset({"stock.write", "catalog.write"}),
    ("intake_files", None, None): frozenset({"import.run"}),
    ("settings", None, None): frozenset({"settings.business", "settings.templates",
                                         "settings.system", "import.run"}),
    # Warehouse: batches, bindings (undo of a scan is batch.bind, unbind batch.unbind).
    ("batches", None, None): frozenset({"batch.bind", "certificate.issue"}),
    ("batch_bindings", None, "insert"): frozenset({"batch.bind"}),
    ("batch_bindings", None, None): frozenset({"batch.bind", "batch.unbind"}),
    ("scan_events", None, None): frozenset({"batch.bind", "order.status.warehouse"}),
    # Quality: certificates, material lots, templates.
    ("certificates", None, None): frozenset({"certificate.issue", "certificate.revoke"}),
    ("certificates", None, "insert"): frozenset({"certificate.issue"}),
    ("certificates", "printed_count", None): _EVERY_READER,
    ("material_lots", None, None): frozenset({"certificate.issue"}),
    ("batch_materials", None, None): frozenset({"certificate.issue"}),
    ("certificate_templates", None, None): frozenset({"settings.templates"}),
    # Final inspection records (quality), supervisors' overrides of issue blocks.
    ("inspections", None, None): frozenset({"certificate.issue"}),
    ("issue_overrides", None, None): frozenset({"certificate.override"}),
    # Duplicates: found by order entry and imports, decided and merged by sales.
    ("dedup_pairs", None, None): frozenset({"duplicate.decide"}),
    ("dedup_pairs", None, "insert"): frozenset({"duplicate.decide"}) | _ORDER_MAKERS,
    ("dedup_merge_moves", None, None): frozenset({"duplicate.decide"}),
    # Rush (green channel): each step is confirmed by its department; escalations and
    # rule-made cases come from the PMC page.
    ("rush_cases", None, None): _RUSH,
    ("rush_steps", None, None): _RUSH_STEPS,
    ("notifications", None, "insert"): _RUSH | {"planning.write"},
    ("notifications", None, None): _EVERY_READER,
    # Planning (orderdesk.planning): PMC keeps machines, calendars, routings, work orders,
    # machine logs and inbound shipments, and re-dates orders when it confirms a
    # reschedule (the promised date only; sales tell the customer).
    ("orders", "promised_date", None): frozenset({"order.write", "planning.write"}),
    ("work_centres", None, None): frozenset({"planning.write"}),
    ("work_centre_shifts", None, None): frozenset({"planning.write"}),
    ("planned_downtime", None, None): frozenset({"planning.write"}),
    ("routings", None, None): frozenset({"planning.write"}),
    ("work_orders", None, None): frozenset({"planning.write"}),
    ("machine_logs", None, None): frozenset({"planning.write"}),
    ("inbound_shipments", None, None): frozenset({"planning.write"}),
    ("reschedules", None, None): frozenset({"planning.write"}),
    # Insight: exception reports from every station; the queue (owner, due time, the
    # close) and the handbook editions by those who run it.
    ("exception_reports", None, "insert"): frozenset({"exception.report"}),
    ("exception_reports", None, None): frozenset({"exception.manage", "exception.report"}),
    ("exception_photos", None, None): frozenset({"exception.report"}),
    ("lesson_cards", None, None): frozenset({"exception.report", "exception.manage"}),
    ("handbook_editions", None, None): frozenset({"exception.manage"}),
    # Shipping and finance (orderdesk.finance): the warehouse ships (a shipment, its lines
    # and the despatch advice queued for the customer's EDI partner); finance sets split
    # rules and tax rates, issues invoices (and their EDI messages), cancels them with a
    # red-letter credit, manages EDI partners and retries or cancels a failed message.
    ("shipments", None, None): frozenset({"shipment.create"}),
    ("shipment_lines", None, None): frozenset({"shipment.create"}),
    ("invoice_rules", None, None): frozenset({"invoice.rules"}),
    ("product_tax", None, None): frozenset({"invoice.rules"}),
    ("invoices", None, "insert"): frozenset({"invoice.issue", "invoice.cancel"}),
    ("invoices", None, None): frozenset({"invoice.cancel"}),
    ("invoice_lines", None, None): frozenset({"invoice.issue", "invoice.cancel"}),
    ("edi_partners", None, None): frozenset({"edi.manage"}),
    ("edi_messages", None, "insert"): frozenset({"shipment.create", "invoice.issue",
                                                "invoice.cancel"}),
    ("edi_messages", None, None): frozenset({"edi.manage"}),
    # Accounts and roles (三权分立): the system admin manages them; a password (and its
    # flags) may also be set by the security admin, or by the user for their own
    # account (see SELF_FIELDS). Lockout counters are per-station and never applied.
    ("users", None, None): _USER_ADMIN,
    ("users", "password_hash", None): _USER_SECRET,
    ("users", "password_changed_at", None): _USER_SECRET,
    ("users", "must_change_password", None): _USER_SECRET,
    ("user_roles", None, None): _USER_ADMIN,
}

#: Settings rows that make a certificate signing key trusted: written by who issues
#: certificates (a quality station registers its own key) or by the system admin, never
#: by the other settings writers (PMC's business settings, sales imports).
TRUSTED_KEY_PREFIX = "certificates.trusted_key."
TRUST_KEY_WRITERS = frozenset({"certificate.issue", "settings.system"})

#: Fields of their own `users` row a person may change (own password; the re-hash and
#: the expiry flag written at sign-in, which runs as that person).
SELF_FIELDS = frozenset({"password_hash", "password_changed_at", "must_change_password"})

#: Entities the system actors may write: catalogue and stock data that command-line
#: loads at a station produce (issue 13: never orders, their lines and prices,
#: certificates, settings, accounts or roles; those need a verified person).
SYSTEM_ALLOWED = frozenset({
    "customers", "contacts", "addresses", "customer_aliases", "products",
    "product_nicknames", "bom_lines", "stock", "receipts", "intake_files",
}) & frozenset(e for e, _f, _o in RULES)

# Detail codes of a refusal (the push answer's `detail`, the conflict's `detail`).
NOT_SYNCABLE = "not_syncable"
NO_USER = "no_user"
UNKNOWN_USER = "unknown_user"
USER_DISABLED = "user_disabled"
NOT_PERMITTED = "not_permitted"
SYSTEM_NOT_PERMITTED = "system_not_permitted"
ROLE_MIX = role_defs.ROLE_MIX  # a grant left an account with roles it may not hold together
LAST_SYSADMIN = "last_sysadmin"  # the transaction would leave no active sysadmin
ACTOR_MISMATCH = "actor_mismatch"  # names another person than the token's (identity)
UNVERIFIED_PERSON = "unverified_person"  # a person the station did not prove (identity)
REFUSALS = frozenset({NOT_SYNCABLE, NO_USER, UNKNOWN_USER, USER_DISABLED, NOT_PERMITTED,
                      SYSTEM_NOT_PERMITTED, ROLE_MIX, LAST_SYSADMIN, ACTOR_MISMATCH,
                      UNVERIFIED_PERSON})


def actions_for(entity: str, field: str | None, op: str) -> frozenset[str] | None:
    """The actions that allow this change (any one), or None: stations never write it."""
    for key in ((entity, field, op), (entity, field, None), (entity, None, op),
                (entity, None, None)):
        found = RULES.get(key)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class Person:
    id: str
    active: bool
    roles: frozenset[str]


class Authorizer:
    """Checks the changes of one push; users are read from the server once each."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.people: dict[str, Person | None] = {}
        # user_roles rows the current station transaction writes (see role_mix_refusal).
        self.granted: set[str] = set()
        self.accounts_touched = False
        # Whether a set of roles allows any of a set of actions (the role table is fixed
        # in code: a large push asks the same question 200,000 times).
        self.allowed: dict[tuple[frozenset[str], frozenset[str]], bool] = {}

    def forget(self) -> None:
        self.people.clear()

    def person(self, username: str) -> Person | None:
        if username not in self.people:
            row = self.session.execute(select(User.id, User.active)
                                       .where(User.username == username)).first()
            if row is None:
                self.people[username] = None
            else:
                roles = frozenset(self.session.scalars(select(UserRole.role)
                                                       .where(UserRole.user_id == row.id)))
                self.people[username] = Person(row.id, bool(row.active), roles)
        return self.people[username]

    def refusal(self, entity: str, entity_id: str, field: str | None, op: str,
                user: str | None) -> str | None:
        """None when the change may be applied, else the detail code of the refusal."""
        needed = actions_for(entity, field, op)
        if entity == "settings" and entity_id.startswith(TRUSTED_KEY_PREFIX):
            needed = TRUST_KEY_WRITERS  # not every settings writer (issue 13)
        if entity == "user_roles" and op != "delete":
            self.granted.add(entity_id)
        if needed is None:
            return f"{NOT_SYNCABLE}: {entity}"
        if not user:
            return NO_USER
        # Identity first (issue 13): the actor must be the authenticated caller, or a
        # person the station proved with a person token (sync.server.identity).
        from orderdesk.sync.server import identity

        caller = identity.current()
        if caller is not None:
            wrong = identity.actor_refusal(caller, user)
            if wrong is not None:
                return wrong
            if (user in SYSTEM_ACTORS and caller.principal.kind == "user"
                    and entity not in SYSTEM_ALLOWED):
                # A station's own job synced with a person's token: beyond catalogue data
                # it may do only what that person may do.
                user = caller.principal.name
        if entity in ("users", "user_roles") and not self.accounts_touched:
            # Whether an active sysadmin exists before this transaction's account writes.
            self.accounts_touched = self._active_sysadmin()
        if user in SYSTEM_ACTORS:
            if entity in SYSTEM_ALLOWED:
                return None
            return f"{SYSTEM_NOT_PERMITTED}: {entity}"
        person = self.person(user)
        if person is None:
            return f"{UNKNOWN_USER}: {user}"
        if not person.active:
            return f"{USER_DISABLED}: {user}"
        allowed = self.allowed.get((person.roles, needed))
        if allowed is None:
            allowed = self.allowed[(person.roles, needed)] = any(
                role_defs.can(person.roles, action) for action in needed)
        if allowed:
            return None
        if (entity == "users" and op == "update" and field in SELF_FIELDS
                and entity_id == person.id):
            return None
        return f"{NOT_PERMITTED}: {user} needs {' or '.join(sorted(needed))}"

    def _active_sysadmin(self) -> bool:
        """Whether an active account holds sysadmin (as this transaction wrote it)."""
        return self.session.execute(
            select(User.id).join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == "sysadmin", User.active.is_(True)).limit(1)).first() is not None

    def role_mix_refusal(self) -> str | None:
        """None, or the `role_mix` detail when a role this transaction granted leaves an
        account with roles one account may not hold together (三权分立: two admin roles,
        or an admin role with a business role; `orderdesk.roles.role_mix`).

        Called once the transaction's writes are flushed (inside its savepoint), so the
        roles it removes in the same transaction (a role swap) are already gone.
        """
        granted, self.granted = self.granted, set()
        touched, self.accounts_touched = self.accounts_touched, False
        if touched and not self._active_sysadmin():  # there was one, and now none
            return f"{LAST_SYSADMIN}: no active sysadmin would be left"
        if not granted:
            return None
        user_ids = set(self.session.scalars(select(UserRole.user_id)
                                            .where(UserRole.id.in_(sorted(granted)))))
        for user_id in sorted(user_ids):
            held = set(self.session.scalars(select(UserRole.role)
                                            .where(UserRole.user_id == user_id)))
            if role_defs.role_mix(held):
                name = self.session.scalar(select(User.username).where(User.id == user_id))
                return f"{ROLE_MIX}: {name or user_id} {'+'.join(sorted(held))}"
        return None
