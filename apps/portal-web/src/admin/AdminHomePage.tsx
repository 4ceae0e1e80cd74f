import { Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader';
import { ADMIN_SECTIONS } from './AdminLayout';

/** The console's entry: one card per section. */
export function Component() {
  return (
    <>
      <PageHeader title="Admin console" description="Run the API programme: developers, tiers, reports and the audit log." />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {ADMIN_SECTIONS.map((section) => (
          <Card key={section.to} withBorder padding="lg" component={Link} to={section.to}>
            <Text fw={600}>{section.label}</Text>
            <Text size="sm" c="dimmed">
              {section.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
