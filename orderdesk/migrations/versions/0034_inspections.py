"""inspections: final inspection records per batch, supervisors' issue overrides

Revision ID: 0034_inspections
Revises: 0005
Create Date: 2026-12-01 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0034_inspections'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inspections',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('result', sa.String(length=10), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('inspector', sa.String(length=60), nullable=False),
    sa.Column('inspector_user', sa.String(length=60), nullable=True),
    sa.Column('inspected_at', sa.DateTime(), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=True),
    sa.Column('note', sa.String(length=400), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_inspections_batch_id_batches')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_inspections_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspections'))
    )
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.create_index('ix_inspections_batch_time', ['batch_id', 'inspected_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspections_order_id'), ['order_id'], unique=False)

    op.create_table('issue_overrides',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('binding_id', sa.String(length=36), nullable=True),
    sa.Column('blocks', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=False),
    sa.Column('overridden_by', sa.String(length=60), nullable=False),
    sa.Column('overridden_at', sa.DateTime(), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_issue_overrides_batch_id_batches')),
    sa.ForeignKeyConstraint(['binding_id'], ['batch_bindings.id'], name=op.f('fk_issue_overrides_binding_id_batch_bindings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue_overrides'))
    )
    with op.batch_alter_table('issue_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_overrides_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issue_overrides_binding_id'), ['binding_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issue_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_overrides_binding_id'))
        batch_op.drop_index(batch_op.f('ix_issue_overrides_batch_id'))
    op.drop_table('issue_overrides')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspections_order_id'))
        batch_op.drop_index('ix_inspections_batch_time')
    op.drop_table('inspections')
