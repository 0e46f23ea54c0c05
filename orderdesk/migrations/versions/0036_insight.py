"""insight: order-flow event log, exception reports, lessons-learned cards, handbook
editions, customer-health snapshots

Revision ID: 0036
Revises: 0006
Create Date: 2026-12-01 22:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0036'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('insight_events',
    sa.Column('id', sa.Integer(), nullable=False, autoincrement=True),
    sa.Column('source_key', sa.String(length=80), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=60), nullable=True),
    sa.Column('department', sa.String(length=20), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    sa.Column('ref', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insight_events')),
    sa.UniqueConstraint('source_key', name=op.f('uq_insight_events_source_key'))
    )
    op.create_index('ix_insight_events_kind_at', 'insight_events', ['kind', 'at'])
    op.create_index('ix_insight_events_order_kind', 'insight_events', ['order_id', 'kind', 'at'])

    op.create_table('insight_event_marks',
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('last_rowid', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('source', name=op.f('pk_insight_event_marks'))
    )

    op.create_table('exception_reports',
    sa.Column('report_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('line_id', sa.String(length=36), nullable=True),
    sa.Column('customer_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=60), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('raised_by', sa.String(length=60), nullable=True),
    sa.Column('raised_at', sa.DateTime(), nullable=False),
    sa.Column('department', sa.String(length=20), nullable=True),
    sa.Column('station', sa.String(length=60), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_exception_reports_order_id_orders')),
    sa.ForeignKeyConstraint(['line_id'], ['order_lines.id'], name=op.f('fk_exception_reports_line_id_order_lines')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_exception_reports_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exception_reports')),
    sa.UniqueConstraint('report_no', name=op.f('uq_exception_reports_report_no'))
    )
    op.create_index('ix_exception_reports_status', 'exception_reports', ['status', 'due_at'])
    op.create_index(op.f('ix_exception_reports_order_id'), 'exception_reports', ['order_id'])
    op.create_index(op.f('ix_exception_reports_customer_id'), 'exception_reports', ['customer_id'])

    op.create_table('exception_photos',
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['exception_reports.id'], name=op.f('fk_exception_photos_report_id_exception_reports')),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], name=op.f('fk_exception_photos_sha256_blobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exception_photos'))
    )
    op.create_index(op.f('ix_exception_photos_report_id'), 'exception_photos', ['report_id'])

    op.create_table('lesson_cards',
    sa.Column('report_id', sa.String(length=36), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=True),
    sa.Column('scenario', sa.Text(), nullable=True),
    sa.Column('cause', sa.Text(), nullable=True),
    sa.Column('action', sa.Text(), nullable=True),
    sa.Column('applies_to', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('same_as_id', sa.String(length=36), nullable=True),
    sa.Column('author', sa.String(length=60), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['exception_reports.id'], name=op.f('fk_lesson_cards_report_id_exception_reports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson_cards')),
    sa.UniqueConstraint('report_id', name=op.f('uq_lesson_cards_report_id'))
    )

    op.create_table('handbook_editions',
    sa.Column('edition', sa.Integer(), nullable=False),
    sa.Column('generated_at', sa.DateTime(), nullable=False),
    sa.Column('generated_by', sa.String(length=60), nullable=True),
    sa.Column('cards', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handbook_editions'))
    )

    op.create_table('health_snapshots',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('color', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_health_snapshots'))
    )
    op.create_index('ix_health_snapshots_month', 'health_snapshots', ['month', 'customer_id'],
                    unique=True)

    # Clustered by (type, start): a period's cases are one contiguous range on disk.
    op.create_table('insight_cases',
    sa.Column('case_type', sa.String(length=10), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('case_key', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('order_no', sa.String(length=40), nullable=True),
    sa.Column('ref', sa.String(length=36), nullable=True),
    sa.Column('stop_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('corrected_at', sa.DateTime(), nullable=True),
    sa.Column('minutes', sa.Float(), nullable=True),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('excluded', sa.Boolean(), nullable=False),
    sa.Column('customer_code', sa.String(length=40), nullable=True),
    sa.Column('tier', sa.String(length=5), nullable=True),
    sa.Column('channel', sa.String(length=40), nullable=True),
    sa.Column('product_line', sa.String(length=60), nullable=True),
    sa.Column('week', sa.String(length=10), nullable=True),
    sa.Column('month', sa.String(length=7), nullable=True),
    sa.PrimaryKeyConstraint('case_type', 'start_at', 'case_key', name=op.f('pk_insight_cases')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_insight_cases_order', 'insight_cases', ['order_id'])


def downgrade() -> None:
    op.drop_table('insight_cases')
    op.drop_table('health_snapshots')
    op.drop_table('handbook_editions')
    op.drop_table('lesson_cards')
    op.drop_table('exception_photos')
    op.drop_table('exception_reports')
    op.drop_table('insight_event_marks')
    op.drop_table('insight_events')
