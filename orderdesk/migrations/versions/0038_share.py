"""share links: tokens for read-only status pages, their access log, the signing key

Revision ID: 0038_share
Revises: 0001
Create Date: 2026-12-01 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0038_share'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_links',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('target', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('scope', sa.String(length=30), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_by', sa.String(length=60), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('view_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_links')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_share_links_key_hash'))
    )
    with op.batch_alter_table('share_links', schema=None) as batch_op:
        batch_op.create_index('ix_share_links_target', ['kind', 'target'], unique=False)

    op.create_table('share_access',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('link_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=True),
    sa.Column('user_agent', sa.String(length=200), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['share_links.id'], name=op.f('fk_share_access_link_id_share_links')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_access'))
    )
    with op.batch_alter_table('share_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_access_link_id'), ['link_id'], unique=False)

    op.create_table('share_secret',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_secret'))
    )


def downgrade() -> None:
    op.drop_table('share_secret')
    with op.batch_alter_table('share_access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_share_access_link_id'))
    op.drop_table('share_access')
    with op.batch_alter_table('share_links', schema=None) as batch_op:
        batch_op.drop_index('ix_share_links_target')
    op.drop_table('share_links')
