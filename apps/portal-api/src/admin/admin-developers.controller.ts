import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeveloperDirectoryService, DeveloperTierService } from '@keyport/admin';
import { DeveloperApprovalService, DeveloperDeletionService, type DeveloperStatus, DeveloperSuspensionService } from '@keyport/developers';
import { DevelopersService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';
import { ApiUuidParam } from '../http/uuid-param';
import { ChangeTierDto } from '../me/me.dto';
import { AdminDeveloperDetailDto, AdminDeveloperDto, DeveloperPageDto, ListDevelopersQueryDto, SuspendDto } from './admin-developer.dto';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/developers')
export class AdminDevelopersController {
  constructor(
    private readonly developers: DevelopersService,
    private readonly directory: DeveloperDirectoryService,
    private readonly suspension: DeveloperSuspensionService,
    private readonly approval: DeveloperApprovalService,
    private readonly tiers: DeveloperTierService,
    private readonly deletion: DeveloperDeletionService,
  ) {}

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a developer',
    description:
      'The same as the developer deleting their account: every key revoked at the gateway, any subscription ended at once, the identity removed ' +
      'from the user pool, the e-mail released; the row and the audit trail stay (status `deleted`). Deleting again answers 409 `ALREADY_DELETED`.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Developer deleted' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['ALREADY_DELETED'], 503: ['UNAVAILABLE'] })
  async remove(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.deletion.delete(id);
  }

  @Get()
  @ApiOperation({
    summary: 'List developers (search by e-mail, tier, status; cursor paging)',
    description:
      'Developers in sign-up order, a page at a time: follow `nextCursor` until null. Developers who sign up meanwhile appear on a later page, nobody twice.',
  })
  @ApiOkResponse({ type: DeveloperPageDto, description: 'Developers in sign-up order, a page at a time' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async list(@Query() query: ListDevelopersQueryDto): Promise<DeveloperPageDto> {
    const status = query.status === undefined ? undefined : (query.status.toUpperCase() as DeveloperStatus);
    const page = await this.directory.list({ search: query.search, tier: query.tier, status }, query.cursor, query.limit ?? 50);
    return DeveloperPageDto.from(page);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A developer: profile, tier, keys, quota override, billing, usage this period',
    description:
      "Everything about one developer: keys (never values), their own quota if any, this period's usage and grants, and billing (null while billing is off).",
  })
  @ApiOkResponse({ type: AdminDeveloperDetailDto, description: 'The developer' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async get(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDetailDto> {
    return AdminDeveloperDetailDto.fromDetail(await this.directory.detail(id));
  }

  @Post(':id/confirm')
  @ApiOperation({
    summary: "Confirm a developer's sign-up",
    description: 'Confirms the sign-up without the code, for installations without a mailbox; confirming twice is harmless.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Sign-up confirmed without the e-mailed code' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['ALREADY_CONFIRMED'], 503: ['UNAVAILABLE'] })
  async confirm(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.developers.adminConfirm(id);
  }

  @Put(':id/tier')
  @ApiOperation({
    summary: "Change a developer's tier; every key moves plan",
    description:
      'Applied at once and never billed. With billing, a subscription paying for another tier is cancelled at Stripe now; a paid tier given without one is a comp.',
  })
  @ApiOkResponse({
    type: AdminDeveloperDto,
    description: 'Tier changed at once and never billed; every key moves to the new plan, and a subscription paying for another tier ends now',
  })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async changeTier(@Param('id', developerIdParam) id: string, @Body() body: ChangeTierDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.tiers.change(id, body.tier));
  }

  @Post(':id/suspend')
  @ApiOperation({
    summary: 'Suspend a developer: every key disabled, own routes 403',
    description:
      "Every key is disabled at the gateway and the developer's own routes answer 403 `ACCOUNT_SUSPENDED` until reinstated; the reason goes to the audit log.",
  })
  @HttpCode(200)
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Suspended: every key is disabled and the developer’s routes answer 403' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['ALREADY_SUSPENDED'] })
  async suspend(@Param('id', developerIdParam) id: string, @Body() body: SuspendDto): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.suspension.suspend(id, body.reason));
  }

  @Post(':id/reinstate')
  @ApiOperation({ summary: 'Reinstate a suspended developer', description: 'Their keys work again and their routes answer again.' })
  @HttpCode(200)
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Reinstated: keys work again' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['NOT_SUSPENDED'] })
  async reinstate(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.suspension.reinstate(id));
  }

  @Post(':id/approve')
  @ApiOperation({
    summary: 'Approve a pending sign-up (SIGNUP_APPROVAL=manual)',
    description: 'The developer becomes active: they can create keys and applications.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: AdminDeveloperDto, description: 'Approved: the developer is active' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['NOT_PENDING'] })
  async approve(@Param('id', developerIdParam) id: string): Promise<AdminDeveloperDto> {
    return AdminDeveloperDto.fromDeveloper(await this.approval.approve(id));
  }

  @Post(':id/decline')
  @ApiOperation({
    summary: 'Decline a pending sign-up: the account is removed',
    description: 'The Cognito account and the developer are deleted (a pending developer has no keys); the e-mail address can sign up again.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Declined: the sign-up is gone' })
  @ApiUuidParam('id', 'Developer id (their Cognito sub)')
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['NOT_PENDING'], 503: ['UNAVAILABLE'] })
  async decline(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.approval.decline(id);
  }
}
