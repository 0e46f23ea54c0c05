"""rush-order green channel: cases, steps, notifications, webhook outbox

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-25 16:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rush_cases',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=False),
    sa.Column('requested_by', sa.String(length=60), nullable=True),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.String(length=400), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_rush_cases_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rush_cases'))
    )
    with op.batch_alter_table('rush_cases', schema=None) as batch_op:
        batch_op.create_index('ix_rush_cases_active', ['active', 'requested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rush_cases_order_id'), ['order_id'], unique=False)

    op.create_table('rush_steps',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('step', sa.String(length=20), nullable=False),
    sa.Column('department', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('target_minutes', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('done_by', sa.String(length=60), nullable=True),
    sa.Column('escalation_level', sa.Integer(), nullable=False),
    sa.Column('escalated_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['rush_cases.id'], name=op.f('fk_rush_steps_case_id_rush_cases')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_rush_steps_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rush_steps')),
    sa.UniqueConstraint('case_id', 'step', name=op.f('uq_rush_steps_case_id'))
    )
    with op.batch_alter_table('rush_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rush_steps_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rush_steps_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rush_steps_due_at'), ['due_at'], unique=False)

    op.create_table('notifications',
    sa.Column('recipient_role', sa.String(length=20), nullable=False),
    sa.Column('recipient_user', sa.String(length=60), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('step', sa.String(length=20), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('read_by', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_notifications_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index('ix_notifications_role_read', ['recipient_role', 'read_at'], unique=False)

    op.create_table('webhook_messages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('notification_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_messages'))
    )
    with op.batch_alter_table('webhook_messages', schema=None) as batch_op:
        batch_op.create_index('ix_webhook_messages_due', ['sent_at', 'next_attempt_at'], unique=False)


def downgrade() -> None:
    op.drop_table('webhook_messages')
    op.drop_table('notifications')
    op.drop_table('rush_steps')
    op.drop_table('rush_cases')
