import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevelopersService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
// Every route may answer 429 when the caller passes the portal's own rate limit.
@ApiErrors(429)
@Controller('v1/admin/developers')
export class AdminDevelopersController {
  constructor(private readonly developers: DevelopersService) {}

  @Post(':id/confirm')
  @ApiOperation({ summary: "Confirm a developer's sign-up (admin)" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Sign-up confirmed without the e-mailed code' })
  @ApiErrors(400, 401, 403, 404)
  async confirm(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.developers.adminConfirm(id);
  }
}
