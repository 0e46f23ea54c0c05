"""audit archive: packed blocks of audit rows older than the hot window, and their keys

Revision ID: 0039_audit_archive
Revises: 0001
Create Date: 2026-12-02 04:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0039_audit_archive'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_archive',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.Column('first_at', sa.DateTime(), nullable=False),
    sa.Column('last_at', sa.DateTime(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=True),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('facets', sa.Text(), nullable=False),
    sa.Column('packed_at', sa.DateTime(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_archive')),
    sa.UniqueConstraint('first_id', name=op.f('uq_audit_archive_first_id'))
    )
    op.create_table('audit_archive_keys',
    sa.Column('key', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('block_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('key', 'block_id', name=op.f('pk_audit_archive_keys')),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    op.drop_table('audit_archive_keys')
    op.drop_table('audit_archive')
