"""volume: staged pieces of large transactions, parked transactions, export index

Revision ID: 0031_volume
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0031_volume'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_staged',
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=60), nullable=False),
    sa.Column('tx_id', sa.String(length=36), nullable=False),
    sa.Column('tx_size', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('change_id', name=op.f('pk_sync_staged')))
    op.create_index('ix_sync_staged_tx', 'sync_staged', ['origin', 'tx_id'], unique=False)
    op.create_table('sync_parked',
    sa.Column('tx_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.Column('parked_at', sa.DateTime(), nullable=False),
    sa.Column('waits_for', sa.String(length=36), nullable=True),
    sa.Column('decided_by', sa.String(length=60), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('tx_id', name=op.f('pk_sync_parked')))
    op.create_index('ix_order_channel_refs_export', 'order_channel_refs',
                    ['order_id', 'channel', 'channel_order_no'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_order_channel_refs_export', table_name='order_channel_refs')
    op.drop_table('sync_parked')
    op.drop_index('ix_sync_staged_tx', table_name='sync_staged')
    op.drop_table('sync_staged')
