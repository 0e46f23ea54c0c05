"""security: sign-in throttle, offline sign-in material, audit-chain anchors

Revision ID: 0030_security
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0030_security'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('next_at', sa.DateTime(), nullable=True),
    sa.Column('last_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle')))
    op.create_table('offline_verifiers',
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('verifier', sa.String(length=255), nullable=False),
    sa.Column('password_changed_at', sa.String(length=40), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_offline_verifiers')))
    op.create_table('sync_audit_anchors',
    sa.Column('station', sa.String(length=60), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('anchored_at', sa.DateTime(), nullable=False),
    sa.Column('mismatches', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('station', name=op.f('pk_sync_audit_anchors')))


def downgrade() -> None:
    op.drop_table('sync_audit_anchors')
    op.drop_table('offline_verifiers')
    op.drop_table('login_throttle')
