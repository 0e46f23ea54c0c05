"""orders: partial covering index of the orders PMC's kit check nets (awaiting_schedule)

Revision ID: 0040_kit_open_orders
Revises: 0039_audit_archive
Create Date: 2026-12-02 11:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0040_kit_open_orders'
down_revision = '0039_audit_archive'
branch_labels = None
depends_on = None

# Written out, not imported: a migration keeps the condition it created.
_WHERE = "status_production IN ('awaiting_schedule')"


def upgrade() -> None:
    op.create_index('ix_orders_kit_open', 'orders',
                    ['status_production', 'cancelled', 'merged_into_id', 'id', 'order_no',
                     'rush', 'order_time', 'requested_date', 'customer_id'],
                    unique=False, sqlite_where=sa.text(_WHERE),
                    postgresql_where=sa.text(_WHERE))


def downgrade() -> None:
    op.drop_index('ix_orders_kit_open', table_name='orders')
